package it.ngsiena.testkit;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A certificate's PDF read back as a person and a phone would: its text, and the QR code on its page
 * decoded from the rendered image (not from the drawing commands), so a code a scanner could not read
 * fails the test.
 */
public record CertificatePdf(int pages, String text, String qrCode) {

    public static CertificatePdf read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            return new CertificatePdf(document.getNumberOfPages(), text, qr(page));
        }
    }

    private static String qr(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException e) {
            return null;
        } catch (ReaderException e) {
            throw new IllegalStateException("A QR code that does not decode", e);
        }
    }
}

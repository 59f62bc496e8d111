package it.ngsiena.training.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A certificate as a one-page A4 PDF that its holder can hand over: who, which course, how many hours,
 * when, who issued it, its code, and a QR code of the public URL that verifies it. Italian first, English
 * under it. The standard Helvetica needs no font file; a letter it cannot print is printed without its
 * accent (or as "?"), never dropped silently.
 */
public final class CertificateDocument {

    /** What the document says. */
    public record Content(
            String holder,
            String course,
            BigDecimal hours,
            LocalDate issuedOn,
            String issuer,
            String code,
            String verificationUrl) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float QR_MODULE = 3.5f;

    private CertificateDocument() {}

    public static byte[] render(Content c) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float width = page.getMediaBox().getWidth();
            String hours = c.hours().stripTrailingZeros().toPlainString();
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Lines lines = new Lines(out, width, 760);
                lines.centred(bold, 14, "Next Generation Siena");
                lines.gap(30);
                lines.centred(bold, 26, "Attestato di partecipazione");
                lines.centred(regular, 14, "Certificate of attendance");
                lines.gap(40);
                lines.centred(regular, 13, "Si attesta che / This certifies that");
                lines.gap(8);
                lines.centred(bold, 22, c.holder());
                lines.gap(8);
                lines.centred(regular, 13, "ha frequentato il corso / attended the course");
                lines.gap(6);
                lines.centred(bold, 16, c.course());
                lines.gap(6);
                lines.centred(regular, 13, "per " + hours + " ore / for " + hours + " hours");
                lines.gap(30);
                lines.centred(regular, 12, "Rilasciato il / Issued on " + DAY.format(c.issuedOn()));
                lines.centred(regular, 12, "Ente formatore / Issued by: " + c.issuer());
                lines.gap(24);
                lines.centred(bold, 12, "Codice di verifica / Verification code: " + c.code());
                float qrTop = lines.y - 10;
                float qrSize = qr(out, c.verificationUrl(), width / 2, qrTop);
                lines.y = qrTop - qrSize - 18;
                lines.centred(regular, 9, c.verificationUrl());
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Attestato " + c.code());
            info.setSubject(c.course());
            info.setAuthor(c.issuer());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the QR code of {@code text} centred on {@code centreX} below {@code top}; answers its size. */
    private static float qr(PDPageContentStream out, String text, float centreX, float top) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for " + text, e);
        }
        float size = matrix.getWidth() * QR_MODULE;
        float left = centreX - size / 2;
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(left + col * QR_MODULE, top - (row + 1) * QR_MODULE, QR_MODULE, QR_MODULE);
                }
            }
        }
        out.fill();
        return size;
    }

    /** Centred lines going down the page. */
    private static final class Lines {
        private final PDPageContentStream out;
        private final float width;
        float y;

        Lines(PDPageContentStream out, float width, float top) {
            this.out = out;
            this.width = width;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void centred(PDFont font, float size, String text) throws IOException {
            String printable = printable(font, text);
            float textWidth = font.getStringWidth(printable) / 1000 * size;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset((width - textWidth) / 2, y);
            out.showText(printable);
            out.endText();
            y -= size * 1.4f;
        }
    }

    /** The text as the font can print it: a letter it lacks loses its accent, or becomes "?". */
    static String printable(PDFont font, String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String letter = new String(Character.toChars(cp));
            if (encodable(font, letter)) {
                result.append(letter);
            } else {
                String base = Normalizer.normalize(letter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                result.append(!base.isEmpty() && encodable(font, base) ? base : "?");
            }
        });
        return result.toString();
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}

package it.ngsiena.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A results file made of sections ({@code ## heading} to the next one), each written by its own
 * suite: the fault suite and the soak test share {@code results/faults-<date>.md}.
 */
public final class ResultsFile {

    private ResultsFile() {}

    /** Replaces the section with this heading (or adds it at the end), keeping the others. */
    public static void writeSection(Path file, String title, String heading, String body) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# " + title + "\n";
        String marker = "\n## " + heading + "\n";
        int start = text.indexOf(marker);
        String section = marker + "\n" + body.strip() + "\n";
        if (start < 0) {
            text = text.stripTrailing() + "\n" + section;
        } else {
            int end = text.indexOf("\n## ", start + marker.length());
            text = text.substring(0, start) + section + (end < 0 ? "" : text.substring(end));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

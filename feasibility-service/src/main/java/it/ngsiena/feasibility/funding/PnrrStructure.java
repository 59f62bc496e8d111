package it.ngsiena.feasibility.funding;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The missions and components of the PNRR, from the one reference file {@code pnrr/components.csv}. */
@ApplicationScoped
public class PnrrStructure {

    /** One component, e.g. M1C1, with its Italian and English titles. */
    public record Component(String code, String mission, String titleIt, String titleEn) {
    }

    private final List<Component> components = load();

    public List<Component> components() {
        return components;
    }

    public Optional<Component> find(String code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static List<Component> load() {
        var in = PnrrStructure.class.getClassLoader().getResourceAsStream("pnrr/components.csv");
        if (in == null) {
            throw new IllegalStateException("pnrr/components.csv is missing from the service");
        }
        List<Component> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> cells = cells(line);
                result.add(new Component(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }

    /** The cells of one CSV line: commas separate, double quotes enclose cells that contain commas. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

package it.ngsiena.feasibility.funding;

import it.ngsiena.kernel.text.CsvResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The missions and components of the PNRR, from the one reference file {@code pnrr/components.csv}. */
@ApplicationScoped
public class PnrrStructure {

    /** One component, e.g. M1C1, with its Italian and English titles. */
    public record Component(String code, String mission, String titleIt, String titleEn) {}

    private final List<Component> components = load();

    public List<Component> components() {
        return components;
    }

    public Optional<Component> find(String code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static List<Component> load() {
        return CsvResource.rows(PnrrStructure.class, "pnrr/components.csv").stream()
                .map(cells -> new Component(cells.get(0), cells.get(1), cells.get(2), cells.get(3)))
                .toList();
    }
}

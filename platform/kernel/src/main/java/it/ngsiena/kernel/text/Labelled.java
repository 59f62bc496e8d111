package it.ngsiena.kernel.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A code that clients show with an Italian and an English label (a theme, a status, a format, a role): the
 * one shape of every labelled enum. The enum only declares its constants; the labels are in
 * {@code labels/<the enum's class name>.properties} on its class path, as {@code CODE.it} and
 * {@code CODE.en} (UTF-8), read once. An enum with a constant left without both labels fails on first use,
 * naming the constants.
 */
public interface Labelled {

    /** The code's labels, in Italian and in English. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Label", description = "A code's labels")
    record Label(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "In Italian", example = "In esame")
            String it,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "In English",
                    example = "Under review")
            String en) {}

    default Label label() {
        return Labels.BY_ENUM.get(((Enum<?>) this).getDeclaringClass()).get(this);
    }

    default String labelIt() {
        return label().it();
    }

    default String labelEn() {
        return label().en();
    }

    /** The labels of each labelled enum, read from its file the first time one of its codes is shown. */
    final class Labels {

        static final ClassValue<Map<?, Label>> BY_ENUM = new ClassValue<>() {
            @Override
            protected Map<?, Label> computeValue(Class<?> type) {
                return read(type.asSubclass(Enum.class));
            }
        };

        private Labels() {}

        private static <E extends Enum<E>> Map<E, Label> read(Class<E> type) {
            String path = "labels/" + type.getName() + ".properties";
            Properties file = new Properties();
            try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing: " + type.getSimpleName() + " has no labels");
                }
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<E, Label> labels = new EnumMap<>(type);
            List<String> missing = new ArrayList<>();
            for (E code : type.getEnumConstants()) {
                String it = file.getProperty(code.name() + ".it");
                String en = file.getProperty(code.name() + ".en");
                if (it == null || en == null) {
                    missing.add(code.name());
                } else {
                    labels.put(code, new Label(it.strip(), en.strip()));
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(path + " lacks the Italian or English label of " + missing);
            }
            return labels;
        }
    }
}

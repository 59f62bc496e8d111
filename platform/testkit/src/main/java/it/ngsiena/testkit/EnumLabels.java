package it.ngsiena.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every enum a module declares is Labelled, with an Italian and an English label for each code, and in the
 * module's label catalogue (GET /v1/<workstream>/labels), unless the test names it as internal, with why: a
 * new enum without labels fails the module's build. (By reflection: the kernel's own tests use this kit.)
 */
public final class EnumLabels {

    private EnumLabels() {}

    /**
     * The problems found in the module of {@code anyClassOfModule} (its compiled classes); empty when every
     * enum is labelled and catalogued.
     */
    public static List<String> problems(
            Class<?> anyClassOfModule, Collection<? extends Class<?>> catalogued, Map<Class<?>, String> internal) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : enumsOf(anyClassOfModule)) {
            if (internal.containsKey(type)) {
                continue;
            }
            Method it;
            Method en;
            try {
                it = type.getMethod("labelIt");
                en = type.getMethod("labelEn");
            } catch (NoSuchMethodException e) {
                problems.add(type.getName() + " is not Labelled");
                continue;
            }
            try {
                for (Object code : type.getEnumConstants()) {
                    if (((String) it.invoke(code)).isBlank() || ((String) en.invoke(code)).isBlank()) {
                        problems.add(type.getName() + "." + code + " has a blank label");
                    }
                }
            } catch (InvocationTargetException e) {
                problems.add(e.getCause().getMessage());
            } catch (IllegalAccessException e) {
                problems.add(type.getName() + ": " + e.getMessage());
            }
            if (!catalogued.contains(type)) {
                problems.add(type.getName() + " is not in the module's label catalogue");
            }
        }
        return problems;
    }

    private static List<Class<?>> enumsOf(Class<?> anchor) {
        try {
            Path root = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                List<Class<?>> enums = new ArrayList<>();
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file)
                            .toString()
                            .replace(".class", "")
                            .replace('/', '.');
                    Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                    if (type.isEnum()) {
                        enums.add(type);
                    }
                }
                return enums;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

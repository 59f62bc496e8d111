package it.ngsiena.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One PostgreSQL major wherever the platform runs: the embedded binaries of {@code ./run} and the tests, the
 * compose stack, the container proof's image and both overlays. A dump or a backup then moves between them.
 */
class OnePostgresMajorTest {

    private static final Path ROOT =
            Path.of("").toAbsolutePath().resolve("../..").normalize();

    @Test
    void everyDeploymentRunsTheSamePostgresMajor() throws Exception {
        Map<String, String> majors = new LinkedHashMap<>();
        majors.put("embedded (pom.xml)", find("pom.xml", "<postgres-binaries.version>(\\d+)\\."));
        majors.put("compose (.env)", find("deploy/compose/.env", "POSTGRES_IMAGE=\\S+:(\\d+)"));
        majors.put("container proof", find("deploy/test/run", "ngs-debian-postgres:(\\d+) postgresql-(\\d+)"));
        majors.put(
                "proof entrypoint", find("deploy/test/images/postgres/entrypoint.sh", "/usr/lib/postgresql/(\\d+)/"));
        majors.put(
                "production (CloudNativePG)",
                find("deploy/kubernetes/overlays/production/postgres.yaml", "postgresql:(\\d+)"));
        majors.put(
                "single node",
                find("deploy/kubernetes/overlays/single-node/kustomization.yaml", "postgres, .*newTag: \"(\\d+)\""));
        assertThat(majors.values()).as(majors.toString()).containsOnly("17");
    }

    /** The first group of the pattern's first match in the file (the pattern's groups must agree). */
    private static String find(String file, String pattern) throws Exception {
        Matcher m = Pattern.compile(pattern).matcher(Files.readString(ROOT.resolve(file)));
        assertThat(m.find()).as(pattern + " in " + file).isTrue();
        for (int g = 2; g <= m.groupCount(); g++) {
            assertThat(m.group(g)).as(file).isEqualTo(m.group(1));
        }
        return m.group(1);
    }
}

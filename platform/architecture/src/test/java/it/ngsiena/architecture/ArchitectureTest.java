package it.ngsiena.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import it.ngsiena.contracts.Workstream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's structure (docs/architecture.md) as rules over the compiled classes of every module but
 * the tests: a rule broken by a change fails the build and names the offending dependency.
 */
class ArchitectureTest {

    static final List<String> WORKSTREAMS =
            Arrays.stream(Workstream.values()).map(Workstream::id).toList();

    static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.ngsiena");
    }

    private static String[] packages(Stream<String> names) {
        return names.map(name -> "it.ngsiena." + name + "..").toArray(String[]::new);
    }

    @Test
    void workstreamsNeverUseEachOther() {
        for (String workstream : WORKSTREAMS) {
            noClasses()
                    .that()
                    .resideInAPackage("it.ngsiena." + workstream + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(packages(WORKSTREAMS.stream().filter(other -> !other.equals(workstream))))
                    .because("workstreams speak to each other through events only")
                    .check(imported);
        }
    }

    @Test
    void theKernelAndTheContractsUseNoWorkstreamAndNoGateway() {
        noClasses()
                .that()
                .resideInAnyPackage("it.ngsiena.kernel..", "it.ngsiena.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(Stream.concat(WORKSTREAMS.stream(), Stream.of("gateway", "local"))))
                .because("the shared kernel serves every service and knows none of them")
                .check(imported);
    }

    @Test
    void theGatewayUsesNoServiceCode() {
        noClasses()
                .that()
                .resideInAPackage("it.ngsiena.gateway..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(WORKSTREAMS.stream()))
                .because("the gateway knows the workstreams by their events and their HTTP API only")
                .check(imported);
    }

    /** The launcher runs the servers of platform/infra, which the test kit starts for the tests. */
    @Test
    void productionCodeDoesNotUseTheTestKit() {
        noClasses()
                .that()
                .resideInAnyPackage(packages(Stream.concat(
                        WORKSTREAMS.stream(), Stream.of("gateway", "kernel", "contracts", "local", "infra"))))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("it.ngsiena.testkit..")
                .check(imported);
    }

    @Test
    void entitiesNeverAppearInTheApi() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .and()
                .arePublic()
                .should(new ArchCondition<JavaMethod>("take and return no JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Stream.concat(
                                        method.getReturnType().getAllInvolvedRawTypes().stream(),
                                        method.getParameterTypes().stream()
                                                .flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                                .filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity"))
                                .map(JavaClass::getName)
                                .distinct()
                                .forEach(entity -> events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " exposes the entity " + entity)));
                    }
                })
                .because("resources answer with response records, so the API does not change with the tables")
                .check(imported);
    }

    /**
     * The gateway routes {@code /v1/<any segment>/**} to the workstreams (so a new workstream needs no new
     * route), and a resource class of its own wins only with a longer literal path: {@code /v1/activity},
     * never a bare {@code /v1} or a template first.
     */
    @Test
    void theGatewaysOwnResourcesHaveAPathOfTheirOwnBesideTheWorkstreams() {
        classes()
                .that()
                .resideInAPackage("it.ngsiena.gateway..")
                .and()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .and()
                .doNotHaveSimpleName("WorkstreamProxy")
                .should(new ArchCondition<JavaClass>("have a path /v1/<literal segment>...") {
                    @Override
                    public void check(JavaClass resource, ConditionEvents events) {
                        Object path = resource.getAnnotationOfType("jakarta.ws.rs.Path")
                                .get("value")
                                .orElse("");
                        if (!path.toString().matches("/v1/[a-z][a-z-]*(/.*)?")) {
                            events.add(SimpleConditionEvent.violated(
                                    resource,
                                    resource.getName() + " has the path " + path
                                            + ", which the workstream proxy would take"));
                        }
                    }
                })
                .check(imported);
    }
}

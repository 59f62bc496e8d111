package it.ngsiena.architecture;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's structure (docs/architecture.md) as rules over the compiled classes of every module but
 * the tests: a rule broken by a change fails the build and names the offending dependency.
 */
class ArchitectureTest {

    static final List<String> WORKSTREAMS = List.of("training", "participation", "feasibility", "comms");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.ngsiena");
    }

    private static String[] packages(Stream<String> names) {
        return names.map(name -> "it.ngsiena." + name + "..").toArray(String[]::new);
    }

    @Test
    void workstreamsNeverUseEachOther() {
        for (String workstream : WORKSTREAMS) {
            noClasses().that().resideInAPackage("it.ngsiena." + workstream + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            packages(WORKSTREAMS.stream().filter(other -> !other.equals(workstream))))
                    .because("workstreams speak to each other through events only")
                    .check(classes);
        }
    }

    @Test
    void theKernelAndTheContractsUseNoWorkstreamAndNoGateway() {
        noClasses().that().resideInAnyPackage("it.ngsiena.kernel..", "it.ngsiena.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        packages(Stream.concat(WORKSTREAMS.stream(), Stream.of("gateway", "local"))))
                .because("the shared kernel serves every service and knows none of them")
                .check(classes);
    }

    @Test
    void theGatewayUsesNoServiceCode() {
        noClasses().that().resideInAPackage("it.ngsiena.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(WORKSTREAMS.stream()))
                .because("the gateway knows the workstreams by their events and their HTTP API only")
                .check(classes);
    }

    /** The launcher runs the servers of platform/infra, which the test kit starts for the tests. */
    @Test
    void productionCodeDoesNotUseTheTestKit() {
        noClasses().that().resideInAnyPackage(packages(
                        Stream.concat(WORKSTREAMS.stream(), Stream.of("gateway", "kernel", "contracts", "local", "infra"))))
                .should().dependOnClassesThat().resideInAPackage("it.ngsiena.testkit..")
                .check(classes);
    }

    @Test
    void entitiesNeverAppearInTheApi() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith("jakarta.ws.rs.Path").and().arePublic()
                .should(new ArchCondition<JavaMethod>("take and return no JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                                method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                                .filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity"))
                                .map(JavaClass::getName).distinct()
                                .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " exposes the entity " + entity)));
                    }
                })
                .because("resources answer with response records, so the API does not change with the tables")
                .check(classes);
    }
}

package cn.linkage.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The domain stays free of frameworks and of hidden clocks and random ids (STYLE.md). */
class ArchitectureTest {

    private static final String[] DOMAIN = {"cn.linkage.api..", "cn.linkage.command.ticket..",
            "cn.linkage.command.catalogue..", "cn.linkage.query.."};
    private static final String[] INFRASTRUCTURE = {"org.springframework..", "com.mongodb..", "org.bson..",
            "io.grpc..", "de.bwaldvogel..", "cn.linkage.proto.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.linkage");
    }

    @Test
    void domainDependsOnNoSpringMongoOrGrpc() {
        noClasses().that().resideInAnyPackage("cn.linkage.api..", "cn.linkage.command.ticket..",
                        "cn.linkage.command.catalogue..", "cn.linkage.query.ticket..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .check(classes);
    }

    @Test
    void sharedMessagesDependOnlyOnTheJdkAndAxonAnnotations() {
        classes().that().resideInAPackage("cn.linkage.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.linkage.api..",
                        "org.axonframework.modelling.command..")
                .check(classes);
    }

    @Test
    void domainTakesTimeFromAnInjectedClockAndIdsFromTheEdge() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(UUID.class, "randomUUID");
        rule.check(classes);
    }

    @Test
    void grpcAdaptersDoNotReachIntoTheAggregate() {
        noClasses().that().resideInAPackage("cn.linkage.hub.grpc..")
                .should().dependOnClassesThat().resideInAPackage("cn.linkage.command.ticket..")
                .check(classes);
    }
}

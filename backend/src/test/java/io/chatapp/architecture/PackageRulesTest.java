package io.chatapp.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The way of a message, as the packages show it: ingest (api, socket) → messaging (Kafka) →
 * (socket, store), with nothing pointing back.
 */
class PackageRulesTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chatapp");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.chatapp.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @Test
    void onlyMessagingTalksToKafka() {
        noClasses().that().resideOutsideOfPackage("io.chatapp.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .check(APPLICATION);
    }

    @Test
    void onlyTheStoreTalksToMongoDb() {
        noClasses().that().resideOutsideOfPackages("io.chatapp.store..", "io.chatapp.health..")
                .should().dependOnClassesThat().resideInAPackage("com.mongodb..")
                .check(APPLICATION);
    }

    @Test
    void messagingAndTheWebSocketSideDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.chatapp.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chatapp.socket..", "io.chatapp.api..")
                .check(APPLICATION);
        noClasses().that().resideInAPackage("io.chatapp.socket..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Consumer")
                .because("consumers hand messages on as CDI events; the socket side observes them")
                .check(APPLICATION);
    }

    @Test
    void theStoreKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.chatapp.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chatapp.api..", "io.chatapp.socket..",
                        "io.chatapp.messaging..", "io.chatapp.ingest..", "io.chatapp.rooms..")
                .check(APPLICATION);
    }
}

package dev.almanac.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/** The hexagon's arrows, checked on the compiled production classes of every module. */
@AnalyzeClasses(packages = "dev.almanac",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ProductionOnly.class})
class ArchitectureTest {

    /** Leaves out the modules' test-jars, which the bootstrap tests have on their class path too. */
    static final class ProductionOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule arrows_point_inward = onionArchitecture()
            .domainModels("dev.almanac.domain..")
            .applicationServices("dev.almanac.application..")
            .adapter("http", "dev.almanac.adapter.http..")
            .adapter("persistence", "dev.almanac.adapter.persistence..")
            .adapter("mail", "dev.almanac.adapter.mail..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("dev.almanac.bootstrap.."), alwaysTrue())
            .because("adapters depend on the application, the application on the domain, never the other way");

    @ArchTest
    static final ArchRule the_domain_uses_only_the_jdk = classes()
            .that().resideInAPackage("dev.almanac.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.almanac.domain..")
            .because("other JVM applications embed the domain jar on its own");

    @ArchTest
    static final ArchRule the_application_uses_only_the_jdk_and_the_domain = classes()
            .that().resideInAPackage("dev.almanac.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.almanac.domain..", "dev.almanac.application..")
            .because("frameworks belong in adapters");

    @ArchTest
    static final ArchRule the_adapters_do_not_know_each_other = slices()
            .matching("dev.almanac.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only in bootstrap, through the application's ports");

    @ArchTest
    static final ArchRule nothing_outside_bootstrap_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage("dev.almanac.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.almanac.bootstrap..");

    @ArchTest
    static final ArchRule the_core_reads_no_clock_and_no_randomness = noClasses()
            .that().resideInAnyPackage("dev.almanac.domain..", "dev.almanac.application..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("time and randomness are injected through ports (Clock, IdGenerator)");

    /** The methods by which Javalin's routing API registers something that answers requests. */
    private static final Set<String> ROUTE_REGISTRATIONS = Set.of("addHttpHandler", "addEndpoint",
            "get", "post", "put", "patch", "delete", "head", "options", "sse", "crud", "apiBuilder", "addWsHandler",
            "ws");

    @ArchTest
    static final ArchRule only_the_route_table_registers_routes = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.almanac.adapter.http.Routes")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("registers a route with Javalin") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isAssignableTo("io.javalin.router.JavalinDefaultRoutingApi")
                            && ROUTE_REGISTRATIONS.contains(call.getName());
                }
            })
            .because("Routes.register puts the caller check in front of every route that is not public; a route"
                    + " registered anywhere else would answer without it");

    @ArchTest
    static final ArchRule use_case_services_hide_behind_their_interfaces = classes()
            .that().resideInAPackage("dev.almanac.application..")
            .and().haveSimpleNameEndingWith("Service")
            .should().notBePublic()
            .because("callers depend on the use-case interfaces, never on the service that implements them");
}

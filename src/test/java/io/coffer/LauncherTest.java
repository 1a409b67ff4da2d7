package io.coffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The jar's entry point must load on any Java from 8 on, so that an old {@code java -jar} prints what to
 * do rather than an UnsupportedClassVersionError: it is compiled for Java 8 and uses nothing of Coffer's.
 */
class LauncherTest {

    @Test
    void theEntryPointIsJava8BytecodeThatNeedsNothingElseOfCoffers() throws Exception {
        try (InputStream in = LauncherTest.class.getResourceAsStream("/io/coffer/Launcher.class");
             DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as("class file major version (52 is Java 8)").isEqualTo(52);
        }
        noClasses().that().haveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.coffer..")
                .allowEmptyShould(false)
                .check(ArchitectureTest.CLASSES.that(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Launcher")));
    }
}

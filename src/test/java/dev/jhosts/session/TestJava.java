package dev.jhosts.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a test-only main class in a new JVM with the test classpath. */
final class TestJava {
    private TestJava() {}

    static List<String> command(Class<?> mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }
}

package ru.school500.e2e;

/**
 * The JUnit resource lock on the stack's gateway and service processes: a test class that stops or restarts one
 * takes it for writing; a class running beside the others ({@code @Execution(CONCURRENT)}) that calls them takes
 * it for reading (src/test/resources/junit-platform.properties).
 */
final class PlatformProcesses {

    static final String LOCK = "platform-processes";

    private PlatformProcesses() {
    }
}

package ru.school500.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ru.school500.stack.Directories;
import ru.school500.stack.PlatformStack;
import ru.school500.stack.StackLayout;

/**
 * The platform with two instances of each service (as {@code deploy/local/run --instances 2}), started once per
 * test JVM on fresh data under {@code deploy/faults/target/stack} and stopped when the JVM's tests end. It binds
 * the platform's fixed ports: run it under {@code flock /tmp/platform-ports.lock}.
 */
public final class FaultStack implements BeforeAllCallback {

    private static PlatformStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FaultStack.class, key -> start(), Handle.class);
    }

    static synchronized PlatformStack stack() {
        if (stack == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(FaultStack.class)");
        }
        return stack;
    }

    private static synchronized Handle start() {
        Path root = StackLayout.findRepoRoot();
        Path home = root.resolve("deploy/faults/target/stack");
        try {
            Directories.deleteRecursively(home.resolve("data"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + home.resolve("data") + ": " + e.getMessage(), e);
        }
        stack = new PlatformStack(StackLayout.forRepo(root, home), 2);
        // two instances of everything on one small machine under steady load: a plain write can outlast the
        // gateway's 2 s limit without any fault, which would read as a failure of the scenario under test
        Map<String, String> patience = Map.of("RESILIENCE4J_TIMELIMITER_CONFIGS_DEFAULT_TIMEOUTDURATION", "5s");
        stack.withServiceEnvironment("gateway", patience).withServiceEnvironment("gateway-2", patience);
        stack.start();
        return new Handle(stack);
    }

    record Handle(PlatformStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}

package ru.school500.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ru.school500.stack.DemoSeeder;
import ru.school500.stack.FixtureSeeder;
import ru.school500.stack.PlatformStack;
import ru.school500.stack.StackLayout;

/**
 * Starts the real platform once per test JVM (fresh data under {@code target/stack}) and stops it when
 * the JVM's test run ends. The data starts empty; with {@code -Dplatform.e2e.demo=true} the fixture orders
 * and the demo data set are loaded first, as {@code deploy/local/run} does (the tests pass either way).
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static PlatformStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), StackHandle.class);
    }

    public static synchronized PlatformStack stack() {
        if (stack == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(RunningPlatform.class)");
        }
        return stack;
    }

    private static synchronized StackHandle start() {
        Path root = StackLayout.findRepoRoot();
        Path home = root.resolve("deploy/e2e/target/stack");
        try {
            ru.school500.stack.Directories.deleteRecursively(home.resolve("data"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        stack = new PlatformStack(StackLayout.forRepo(root, home));
        stack.start();
        if (Boolean.getBoolean("platform.e2e.demo")) {
            FixtureSeeder.seed(stack);
            DemoSeeder.seed(stack);
        }
        return new StackHandle(stack);
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test class of this JVM. */
    record StackHandle(PlatformStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}

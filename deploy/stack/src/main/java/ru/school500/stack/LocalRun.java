package ru.school500.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform for people: {@code deploy/local/run [--reset] [--no-demo] [--instances 2]}. Data lives
 * in {@code .local/} under the repository and survives restarts; {@code --reset} wipes it first;
 * {@code --instances 2} runs two instances of each service behind the gateway, and a second gateway on 8084
 * sharing the first one's sessions and rate limit through Redis. At the first start it loads the
 * two fixture orders and then the fictional demo set ({@link DemoSeeder}); {@code --no-demo} leaves the demo
 * set out.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path root = StackLayout.findRepoRoot();
        StackLayout layout = StackLayout.forRepo(root, root.resolve(".local"));
        if (options.contains("--reset")) {
            Log.info("--reset: removing " + layout.home().resolve("data"));
            Directories.deleteRecursively(layout.home().resolve("data"));
        }
        Files.createDirectories(layout.logs());
        int instances = 1;
        int flag = options.indexOf("--instances");
        if (flag >= 0) {
            if (flag + 1 >= options.size() || !options.get(flag + 1).matches("[12]")) {
                System.err.println("--instances takes 1 or 2");
                System.exit(2);
            }
            instances = Integer.parseInt(options.get(flag + 1));
        }
        PlatformStack stack = new PlatformStack(layout, instances);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Log.info("stopping the platform");
            stack.close();
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            stack.start();
            FixtureSeeder.seedOnce(stack);
            if (options.contains("--no-demo")) {
                Log.info("--no-demo: the demo data set is not loaded");
            } else {
                DemoSeeder.seedOnce(stack);
            }
        } catch (StackException e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println();
        System.out.println(stack.describe());
        stopped.await();
    }
}

package ru.school500.bench;

import java.time.Duration;

import ru.school500.stack.PlatformStack;
import ru.school500.stack.ServiceApp;

/** CPU time the instances of one module of the stack have used so far (user and system, as the OS counts it). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static Duration total(PlatformStack stack, String module) {
        Duration total = Duration.ZERO;
        for (ServiceApp app : stack.instancesOf(module)) {
            if (app.pid() > 0) {
                total = total.plus(ProcessHandle.of(app.pid()).flatMap(process -> process.info().totalCpuDuration())
                        .orElse(Duration.ZERO));
            }
        }
        return total;
    }
}

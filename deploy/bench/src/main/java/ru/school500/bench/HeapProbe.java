package ru.school500.bench;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * Peak heap of a local service JVM, read over JMX: the harness attaches to the process (same user, JDK attach
 * API), starts its local management agent and reads the heap pools' peak usage after resetting it. The sum of
 * the pools' peaks is an upper bound of the heap in use at any moment in between.
 */
final class HeapProbe implements AutoCloseable {

    private final JMXConnector connector;
    private final List<MemoryPoolMXBean> heapPools;

    private HeapProbe(JMXConnector connector, List<MemoryPoolMXBean> heapPools) {
        this.connector = connector;
        this.heapPools = heapPools;
    }

    /** Attaches to the JVM whose command line runs {@code jarName}. */
    static HeapProbe attach(String jarName) {
        long pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(jarName)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running JVM with " + jarName));
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection server = connector.getMBeanServerConnection();
            List<MemoryPoolMXBean> pools = java.lang.management.ManagementFactory.getPlatformMXBeans(server,
                    MemoryPoolMXBean.class).stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            return new HeapProbe(connector, pools);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the heap of " + jarName + " (pid " + pid + ")", e);
        }
    }

    void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (java.io.IOException ignored) {
            // the service may have stopped already
        }
    }
}

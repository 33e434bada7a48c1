package ru.school500.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessSampleTest {

    @Test
    void readsTheHeapInUseFromTheOutputOfCurrentJdks() {
        String jdk25 = """
                2090:
                garbage-first heap   total reserved 262144K, committed 65536K, used 54611K [0x00000000f0000000, 0x0000000100000000)
                 region size 1024K, 24 young (24576K), 4 survivors (4096K)
                Metaspace       used 1201K, committed 1344K, reserved 1114112K
                """;
        assertThat(ProcessSample.heapUsedKb(jdk25)).isEqualTo(54611);
    }

    @Test
    void readsTheHeapInUseFromTheOlderFormat() {
        String jdk17 = """
                 garbage-first heap   total 65536K, used 5120K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 4 young (4096K), 0 survivors (0K)
                 Metaspace       used 800K, committed 960K, reserved 1056768K
                """;
        assertThat(ProcessSample.heapUsedKb(jdk17)).isEqualTo(5120);
    }

    @Test
    void refusesOutputWithoutAHeapLineRatherThanReportingANumber() {
        assertThatThrownBy(() -> ProcessSample.heapUsedKb("Metaspace       used 800K, committed 960K"))
                .isInstanceOf(IllegalStateException.class);
    }
}

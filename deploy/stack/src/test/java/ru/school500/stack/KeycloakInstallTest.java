package ru.school500.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preparation of the shared Keycloak install, against a stand-in distribution whose {@code kc.sh} records each
 * command and writes a database where {@code -Dkc.db-url-path} points, as Keycloak's dev-file database does.
 */
class KeycloakInstallTest {

    private static final String FAKE_KC = """
            #!/bin/sh
            home="$(cd "$(dirname "$0")/.." && pwd)"
            echo "$1" >> "$home/commands.txt"
            if [ "$1" = "import" ]; then
              dir=$(printf '%s\\n' $JAVA_OPTS_APPEND | sed -n "s/^'-Dkc.db-url-path=\\(.*\\)'$/\\1/p")
              mkdir -p "$dir/data/h2"
              for arg in "$@"; do case "$arg" in --file=*) cat "${arg#--file=}" > "$dir/data/h2/keycloakdb.mv.db";; esac; done
            fi
            """;

    @TempDir
    Path dir;
    private Path realm;
    private KeycloakInstall install;

    @BeforeEach
    void distribution() throws IOException {
        Path zip = dir.resolve("keycloak.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("keycloak-" + KeycloakServer.VERSION + "/bin/kc.sh"));
            out.write(FAKE_KC.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        realm = dir.resolve("realm.json");
        Files.writeString(realm, "{\"realm\":\"school500\",\"version\":1}");
        install = new KeycloakInstall(dir.resolve("shared"), zip, realm, Path.of(System.getProperty("java.home")),
                dir.resolve("keycloak.log"));
    }

    @Test
    void aFreshDataDirectoryGetsTheImportedRealmAndTheInstallIsBuiltOnlyOnce() throws IOException {
        install.prepare(dir.resolve("first"));
        install.prepare(dir.resolve("second"));

        assertThat(commands()).containsExactly("build", "import");
        assertThat(KeycloakInstall.database(dir.resolve("first"))).hasContent(Files.readString(realm));
        assertThat(KeycloakInstall.database(dir.resolve("second"))).hasContent(Files.readString(realm));
    }

    @Test
    void anExistingDatabaseIsKeptAsItIs() throws IOException {
        Path data = dir.resolve("local");
        Files.createDirectories(KeycloakInstall.database(data).getParent());
        Files.writeString(KeycloakInstall.database(data), "users added since");

        install.prepare(data);

        assertThat(KeycloakInstall.database(data)).hasContent("users added since");
    }

    @Test
    void aChangedRealmFileMakesANewTemplateWithoutRebuildingAndDropsTheOldOne() throws IOException {
        install.prepare(dir.resolve("before"));
        Path oldTemplate = install.template();
        Files.writeString(realm, "{\"realm\":\"school500\",\"version\":2}");

        install.prepare(dir.resolve("after"));

        assertThat(commands()).containsExactly("build", "import", "import");
        assertThat(install.template()).isNotEqualTo(oldTemplate);
        assertThat(oldTemplate).doesNotExist();
        assertThat(KeycloakInstall.database(dir.resolve("after"))).hasContent(Files.readString(realm));
    }

    @Test
    void anInstallBuiltWithOtherOptionsIsBuiltAgain() throws IOException {
        install.prepare(dir.resolve("first"));
        Files.writeString(install.home().resolve(".platform-build"), KeycloakServer.VERSION + " --db=postgres");

        install.prepare(dir.resolve("second"));

        assertThat(commands()).containsExactly("build", "import", "build");
    }

    @Test
    void aFailedImportLeavesNoTemplateAndNamesTheStep() throws IOException {
        Path kc = install.home().resolve("bin/kc.sh");
        install.prepare(dir.resolve("first"));
        Files.writeString(realm, "{\"changed\":true}");
        Files.writeString(kc, "#!/bin/sh\necho \"$1\" >> \"$(dirname \"$0\")/../commands.txt\"\n[ \"$1\" = build ] || exit 3\n");

        assertThatThrownBy(() -> install.prepare(dir.resolve("second")))
                .isInstanceOf(StackException.class).hasMessageContaining("kc.sh import failed (exit 3)");
        assertThat(install.template()).doesNotExist();
        assertThat(KeycloakInstall.database(dir.resolve("second"))).doesNotExist();
    }

    @Test
    void theServerStartsOptimizedInProductionModeOnPlainHttpWithTheIssuerTheServicesExpect() {
        List<String> command = KeycloakServer.command(Path.of("/kc"), 8180);

        assertThat(command).startsWith("/kc/bin/kc.sh", "start", "--optimized")
                .contains("--http-enabled=true", "--http-host=127.0.0.1", "--http-port=8180",
                        "--hostname=http://127.0.0.1:8180", "--cache=local")
                .noneMatch(option -> option.startsWith("--db"));
    }

    @Test
    void theDataOptionsKeepDatabaseAndTransactionLogInTheDataDirectoryAndSurviveSpaces() {
        assertThat(KeycloakInstall.dataOptions(Path.of("/data/my keycloak")))
                .isEqualTo("'-Dkc.db-url-path=/data/my keycloak' "
                        + "'-Dquarkus.transaction-manager.object-store.directory=/data/my keycloak/data/transaction-logs'");
    }

    private List<String> commands() throws IOException {
        return Files.readAllLines(install.home().resolve("commands.txt"));
    }
}

package ru.school500.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a distribution zip once; the marker file makes a half-finished unpack start over. */
final class Archives {

    private Archives() {
    }

    static Path unpackOnce(Path zip, Path target) {
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        if (!Files.isRegularFile(zip)) {
            throw new StackException("missing distribution " + zip + ": build it first with ./mvnw -pl deploy/stack package");
        }
        try {
            Files.createDirectories(target);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                var entries = archive.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    int slash = name.indexOf('/');
                    String relative = slash < 0 ? name : name.substring(slash + 1); // strip the top folder
                    if (relative.isEmpty()) {
                        continue;
                    }
                    Path out = target.resolve(relative).normalize();
                    if (!out.startsWith(target)) {
                        throw new StackException("unsafe entry " + name + " in " + zip);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (relative.startsWith("bin/") || relative.contains("/bin/") || relative.endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, executable());
                    }
                }
            }
            Files.writeString(marker, zip.getFileName().toString());
            return target;
        } catch (IOException e) {
            throw new StackException("could not unpack " + zip + " into " + target + ": " + e.getMessage(), e);
        }
    }

    private static Set<PosixFilePermission> executable() {
        return EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    }
}

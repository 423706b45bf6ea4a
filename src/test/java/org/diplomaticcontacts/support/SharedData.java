package org.diplomaticcontacts.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared datasets ({@code ../shared/data} beside the project). A clone
 * elsewhere names the folder with {@code -Dshared.data=...} or {@code SHARED_DATA}; failing
 * that, the folders above the working directory are searched. A test that needs the data fails
 * when it is nowhere to be found: a missing dataset must never pass as a skipped test.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path folder(String name) {
        String configured = System.getProperty("shared.data", System.getenv("SHARED_DATA"));
        if (configured != null) {
            return require(Path.of(configured).resolve(name));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return require(Path.of("/work/shared/data").resolve(name));
    }

    private static Path require(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Shared dataset not found at " + folder
                    + ": set -Dshared.data or SHARED_DATA to the folder holding " + folder.getFileName());
        }
        return folder;
    }
}

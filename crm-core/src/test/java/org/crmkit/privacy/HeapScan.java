package org.crmkit.privacy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Finds text in a dump of the live heap: for tests that erased data must be gone from every object still reachable.
 * A secret is kept masked (each byte XOR {@value #MASK}), so that the test's own copy of it is not what the scan
 * finds. Latin-1 strings (every ASCII text, with compact strings) appear in a dump as their bytes, so a text is
 * found wherever a string, a byte array or a buffer still holds it.
 */
final class HeapScan {
    private static final int MASK = 0x5A;

    private HeapScan() {
    }

    /** {@code text} masked, to keep in a test without keeping the text. */
    static byte[] mask(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= MASK;
        }
        return bytes;
    }

    /**
     * Dumps the live heap (after full collections) to a file in {@code dir} and returns the indexes, in
     * {@code masked}, of the secrets found in it.
     */
    static List<Integer> findInLiveHeap(Path dir, List<byte[]> masked) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Path dump = dir.resolve("heap.hprof");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
        byte[] heap = Files.readAllBytes(dump);
        Files.delete(dump);
        List<Integer> found = new ArrayList<>();
        for (int s = 0; s < masked.size(); s++) {
            byte[] pattern = masked.get(s).clone();
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] ^= MASK;
            }
            if (contains(heap, pattern)) {
                found.add(s);
            }
            java.util.Arrays.fill(pattern, (byte) 0);
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

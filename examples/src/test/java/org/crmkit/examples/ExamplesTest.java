package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExamplesTest {
    static String captured(Runnable program) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(previous);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStart_findsAnnAndCountsHerOrder() {
        String out = captured(() -> QuickStart.main(new String[0]));
        assertThat(out).contains("event: CustomerCreated", "event: InteractionRecorded", "ann.lee@example.com",
                "orders=1", "649.00 EUR");
    }

    @Test
    void demo_runsTheWebShopStory() {
        String out = captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo")).isZero());
        assertThat(out)
                .contains("recognised as a duplicate, nothing stored")
                .contains("Duplicate found:")
                .contains("== 360-degree view of Ann Lee")
                .contains("Orders:       2")
                .contains("email:ann.lee@example.com")
                .contains("web_visitor:cookie-7f3a", "loyalty:LC-889910")
                .doesNotContain("Exception");
    }

    @Test
    void demo_showsPermissionDecisionsWithReasonsAndAReceipt() {
        String out = captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo")).isZero());
        assertThat(out).contains("DENIED [IMPLICIT_NOT_ACCEPTED]", "DENIED [CONFIRMATION_PENDING]",
                "ALLOWED (EXPLICIT_CONSENT, to email:eli@example.com)", "DENIED [OPTED_OUT]",
                "violations=[]", "\"format\": \"crmkit.consent_receipt\"");
    }

    @Test
    void demo_showsLifetimeValueRfmProfilesAndSegments() {
        String out = captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo")).isZero());
        assertThat(out).contains("== Analytics: ", "BG/NBD:", "Gamma-Gamma:", "Top 10 customers by value",
                "RFM grid", "Typical profiles (k-means on RFM", "Segment loyal:", "Segment slipping:",
                "Segment high_value:", "Segment top_profile:");
    }

    @Test
    void demo_isDeterministic() {
        String first = captured(() -> new CommandLine(new CrmkitCommand()).execute("demo"));
        String second = captured(() -> new CommandLine(new CrmkitCommand()).execute("demo"));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void demo_export_writesThe360ViewAsJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ann.json");
        captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo", "--export", file.toString()))
                .isZero());
        assertThat(Files.readString(file)).contains("\"format\": \"crmkit.customer360\"", "ann.lee@example.com",
                "\"interactions_by_channel\"", "order-5001");
    }
}

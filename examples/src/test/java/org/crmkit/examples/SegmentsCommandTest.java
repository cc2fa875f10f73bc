package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsCommandTest {
    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private Path log() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, """
                customer_id,date,amount
                a,2024-01-02,10.00
                a,2024-03-02,20.00
                a,2024-03-20,25.00
                b,2024-02-10,5.00
                c,2024-03-30,100.00
                """);
        return file;
    }

    @Test
    void segments_printsTheSize() throws IOException {
        int code = run("segments", "--transactions", log().toString(), "--segment",
                "count(order_placed within 30d) >= 2");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("1 of 3 customers are in the segment");
    }

    @Test
    void segments_mixedCurrencies_scoreThePurchasesInTheCurrency_andCountTheOthers() throws IOException {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, """
                customer_id,date,amount,currency
                a,2024-01-02,10.00,EUR
                a,2024-03-02,20.00,EUR
                b,2024-02-10,500.00,USD
                c,2024-03-30,100.00,EUR
                """);

        int code = run("segments", "--transactions", file.toString(), "--currency", "EUR", "--segment",
                "rfm.monetary >= 1");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("2 of 3 customers are in the segment");
        assertThat(cli.err()).contains("crmkit segments: left out 1 purchase in other currencies than EUR (USD 1)");
    }

    @Test
    void segments_syntaxError_namesLineAndColumnAndExitsNonZero() throws IOException {
        assertThat(run("segments", "--transactions", log().toString(), "--segment", "count(order_placed) >= and"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("line 1, column", "found 'and'");
    }
}

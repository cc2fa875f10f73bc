package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {
    @TempDir
    Path dir;

    @Test
    void rfm_printsTheGridOfEveryCustomer() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, """
                customer_id,date,amount,note
                a,2024-01-02,10.00,first
                a,2024-03-02,20.00,
                b,2024-02-10,5.00,
                c,2024-03-30,100.00,big
                """);
        CommandRun cli = new CommandRun();

        int code = cli.run("rfm", "--transactions", file.toString(), "--quantiles", "3", "--currency", "EUR");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("RFM of 3 customers as of 2024-03-31 (3 classes").contains("R\\F");
    }

    @Test
    void rfm_amountWithMoreDecimalsThanTheCurrency_isRefused() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "customer_id,date,amount\na,2024-01-02,10.005\n");
        CommandRun cli = new CommandRun();

        assertThat(cli.run("rfm", "--transactions", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("crmkit rfm:", "decimals");
    }
}

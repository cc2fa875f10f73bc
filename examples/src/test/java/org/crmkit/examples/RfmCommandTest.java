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

    private final CommandRun cli = new CommandRun();

    private Path log(String csv) throws IOException {
        return Files.writeString(dir.resolve("log.csv"), csv);
    }

    @Test
    void rfm_printsTheGridOfEveryCustomer() throws IOException {
        Path file = log("""
                customer_id,date,amount,note
                a,2024-01-02,10.00,first
                a,2024-03-02,20.00,
                b,2024-02-10,5.00,
                c,2024-03-30,100.00,big
                """);

        int code = cli.run("rfm", "--transactions", file.toString(), "--quantiles", "3", "--currency", "EUR");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("RFM of 3 customers as of 2024-03-31 (3 classes").contains("R\\F");
    }

    @Test
    void rfm_mixedCurrencies_scoresThePurchasesInTheCurrency_andCountsTheOthers() throws IOException {
        Path file = log("""
                customer_id,date,amount,currency
                a,2024-01-02,10.00,EUR
                a,2024-03-02,20.00,USD
                b,2024-02-10,5.00,
                c,2024-03-30,100.00,GBP
                d,2024-03-01,1500,JPY
                """);

        int code = cli.run("rfm", "--transactions", file.toString(), "--quantiles", "3", "--currency", "EUR");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("RFM of 2 customers as of 2024-03-31");
        assertThat(cli.err()).contains("crmkit rfm: left out 3 purchases in other currencies than EUR "
                + "(GBP 1, JPY 1, USD 1)");
    }

    @Test
    void rfm_unknownCurrency_isRefusedNamingTheLine() throws IOException {
        Path file = log("customer_id,date,amount,currency\na,2024-01-02,10.00,EUR\nb,2024-01-02,1.00,XYZ\n");

        assertThat(cli.run("rfm", "--transactions", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("crmkit rfm: line 3: currency is not an ISO-4217 code");
    }

    @Test
    void rfm_amountWithMoreDecimalsThanTheCurrency_isRefused() throws IOException {
        Path file = log("customer_id,date,amount\na,2024-01-02,10.005\n");

        assertThat(cli.run("rfm", "--transactions", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("crmkit rfm:", "decimals");
    }
}

package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crmkit.scoring.Purchase;
import org.crmkit.scoring.SyntheticPurchases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private Path log(String content) throws IOException {
        Path file = dir.resolve("purchases.csv");
        Files.writeString(file, content);
        return file;
    }

    /** A log drawn from the models' own generative process (seeded), with an extra column the reader ignores. */
    private Path validLog() throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,date,amount\n");
        int order = 0;
        for (Purchase p : SyntheticPurchases.builder().seed(11).customers(2_000)
                .purchaseProcess(0.25, 4.0, 0.8, 2.4).spend(6, 4, 15)
                .births(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))
                .observationEnd(LocalDate.of(2024, 12, 31)).build().purchases()) {
            csv.append(++order).append(',').append(p.customerKey()).append(',').append(p.date()).append(',')
                    .append(p.amount().toPlainString()).append('\n');
        }
        return log(csv.toString());
    }

    @Test
    void clv_purchasesInAnotherCurrency_areLeftOutAndCounted() throws IOException {
        List<String> lines = Files.readAllLines(validLog());
        StringBuilder mixed = new StringBuilder(lines.get(0)).append(",currency\n");
        for (int i = 1; i < lines.size(); i++) {
            mixed.append(lines.get(i)).append(i % 2 == 0 ? ",USD" : ",").append('\n');
        }
        mixed.append("e1,x1,2024-02-01,99.00,EUR\ne2,x2,2024-02-03,12.50,EUR\n");
        run("clv", "--transactions", validLog().toString(), "--calibration-end", "2024-09-30", "--json");
        String usdOnly = cli.out();
        CommandRun mixedRun = new CommandRun();

        int code = mixedRun.run("clv", "--transactions", log(mixed.toString()).toString(), "--calibration-end",
                "2024-09-30", "--json");

        assertThat(code).as(mixedRun.err()).isZero();
        assertThat(mixedRun.out()).isEqualTo(usdOnly);
        assertThat(mixedRun.err()).contains("crmkit clv: left out 2 purchases in other currencies than USD (EUR 2)");
    }

    @Test
    void clv_json_printsOneObjectWithBothModels() throws IOException {
        int code = run("clv", "--transactions", validLog().toString(), "--calibration-end", "2024-09-30", "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("customers").asInt()).isEqualTo(2_000);
        assertThat(json.get("bgnbd").fieldNames()).toIterable()
                .containsExactly("r", "alpha", "a", "b", "log_likelihood");
        assertThat(json.get("gamma_gamma").fieldNames()).toIterable().containsExactly("p", "q", "gamma");
        assertThat(json.get("bgnbd").get("r").asDouble()).isPositive();
    }

    @Test
    void clv_report_listsTheTopTenCustomers() throws IOException {
        int code = run("clv", "--transactions", validLog().toString(), "--calibration-end", "2024-09-30");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("BG/NBD:", "Gamma-Gamma:", "Top 10 customers");
    }

    @Test
    void badDate_isReportedWithItsLineAndExitsNonZero() throws IOException {
        Path file = log("customer_id,date,amount\n1,2024-01-05,10.00\n2,05/01/2024,12.00\n");

        assertThat(run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30")).isEqualTo(2);
        assertThat(cli.err()).contains("line 3", "date");
    }

    @Test
    void negativeAmount_isReportedWithItsLine() throws IOException {
        Path file = log("customer_id,date,amount\n1,2024-01-05,10.00\n1,2024-02-05,12.00\n2,2024-01-09,-3.00\n");

        assertThat(run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30")).isEqualTo(2);
        assertThat(cli.err()).contains("line 4", "negative");
    }

    @Test
    void missingColumn_isReportedOnTheHeaderLine() throws IOException {
        Path file = log("customer_id,day,amount\n1,2024-01-05,10.00\n");

        assertThat(run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30")).isEqualTo(2);
        assertThat(cli.err()).contains("line 1", "missing column date");
    }

    @Test
    void degenerateData_endsWithAClearErrorNotNaN() throws IOException {
        Path file = log("customer_id,date,amount\n1,2024-01-05,10.00\n2,2024-01-09,12.00\n");

        assertThat(run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30", "--json"))
                .isEqualTo(2);
        assertThat(cli.out()).doesNotContain("NaN");
        assertThat(cli.err()).contains("crmkit clv:");
    }
}

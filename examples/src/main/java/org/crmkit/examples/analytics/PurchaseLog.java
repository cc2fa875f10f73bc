package org.crmkit.examples.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.crmkit.scoring.Purchase;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;

/**
 * Reads a purchase log: CSV with a header line naming at least {@code customer_id}, {@code date} (ISO
 * {@code yyyy-MM-dd}) and {@code amount} (a non-negative decimal with at most its currency's decimals), and
 * optionally {@code currency} (an ISO-4217 code; a row without one is in the currency the caller gives); other
 * columns are ignored. Read with Jackson's CSV data format. Every error names its line. Stateless and thread-safe.
 */
public final class PurchaseLog {
    static final List<String> REQUIRED = List.of("customer_id", "date", "amount");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).build();

    private PurchaseLog() {
    }

    /**
     * Reads every purchase of {@code file}.
     *
     * @param currency the currency of a row without one
     * @param progress told the number of bytes read so far, now and then
     * @throws PurchaseLogException naming the line of the first error
     */
    public static List<LoggedPurchase> read(Path file, Currency currency, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             CountingInputStream counted = new CountingInputStream(in, progress);
             Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8)) {
            return read(reader, currency);
        }
    }

    /** Reads every purchase of {@code file}, a row without a currency in {@code currency}, with a progress bar. */
    public static List<LoggedPurchase> readShowingProgress(Path file, Currency currency) throws IOException {
        try (Progress progress = Progress.of("Reading", Files.size(file), "KiB", 1024)) {
            return read(file, currency, progress::stepTo);
        }
    }

    static List<LoggedPurchase> read(Reader reader, Currency currency) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<LoggedPurchase> purchases = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                .readValues(reader)) {
            checkHeader(rows);
            while (rows.hasNextValue()) {
                long line = rows.getParser().currentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                purchases.add(purchase(row, line, currency));
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw malformed(j);
            }
            throw e;
        }
        return purchases;
    }

    private static PurchaseLogException malformed(JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new PurchaseLogException(line, "not CSV as expected: " + e.getOriginalMessage());
    }

    private static void checkHeader(MappingIterator<Map<String, String>> rows) throws IOException {
        rows.hasNextValue(); // reads the header line into the parser's schema
        CsvSchema header = (CsvSchema) rows.getParser().getSchema();
        if (header.size() == 0) {
            throw new PurchaseLogException(1, "no header line; expected the columns " + REQUIRED);
        }
        for (String column : REQUIRED) {
            if (header.column(column) == null) {
                throw new PurchaseLogException(1, "missing column " + column + " (the header must name "
                        + REQUIRED + ")");
            }
        }
    }

    private static LoggedPurchase purchase(Map<String, String> row, long line, Currency currency) {
        String customer = row.get("customer_id");
        if (customer == null || customer.isBlank()) {
            throw new PurchaseLogException(line, "customer_id is empty");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(row.get("date"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PurchaseLogException(line, "date is not an ISO date (yyyy-MM-dd): " + row.get("date"));
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(row.get("amount"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new PurchaseLogException(line, "amount is not a decimal number: " + row.get("amount"));
        }
        if (amount.signum() < 0) {
            throw new PurchaseLogException(line, "amount is negative: " + amount.toPlainString());
        }
        String code = row.get("currency");
        Currency in = currency;
        if (code != null && !code.isEmpty()) {
            try {
                in = Money.parseCurrency(code);
            } catch (ValidationException e) {
                throw new PurchaseLogException(line, "currency is not an ISO-4217 code: " + code);
            }
        }
        try {
            return new LoggedPurchase(new Purchase(customer, date, amount), in);
        } catch (ValidationException e) {
            throw new PurchaseLogException(line, e.getMessage());
        }
    }
}

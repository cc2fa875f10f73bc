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
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.crmkit.scoring.Purchase;
import org.crmkit.spi.ValidationException;

/**
 * Reads a purchase log: CSV with a header line naming at least {@code customer_id}, {@code date} (ISO
 * {@code yyyy-MM-dd}) and {@code amount} (a non-negative decimal); other columns are ignored. Read with Jackson's CSV
 * data format. Every error names its line. Stateless and thread-safe.
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
     * @param progress told the number of bytes read so far, now and then
     * @throws PurchaseLogException naming the line of the first error
     */
    public static List<Purchase> read(Path file, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             CountingInputStream counted = new CountingInputStream(in, progress);
             Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Reads every purchase of {@code file}, with a progress bar on a terminal. */
    public static List<Purchase> readShowingProgress(Path file) throws IOException {
        try (Progress progress = Progress.of("Reading", Files.size(file), "KiB", 1024)) {
            return read(file, progress::stepTo);
        }
    }

    static List<Purchase> read(Reader reader) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Purchase> purchases = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                .readValues(reader)) {
            checkHeader(rows);
            while (rows.hasNextValue()) {
                long line = rows.getParser().currentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                purchases.add(purchase(row, line));
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

    private static Purchase purchase(Map<String, String> row, long line) {
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
        try {
            return new Purchase(customer, date, amount);
        } catch (ValidationException e) {
            throw new PurchaseLogException(line, e.getMessage());
        }
    }
}

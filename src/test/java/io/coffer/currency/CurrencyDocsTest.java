package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.keys.AccountKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/currencies.md stays true: its tables list exactly what the catalog serves. */
class CurrencyDocsTest {

    @Test
    void currencyTableMatchesTheCatalog() throws IOException {
        Map<String, String[]> rows = rows("| currency |", "## Tokens");
        CurrencyCatalog catalog = CurrencyCatalog.standard();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                catalog.currencies().stream().map(Currency::name).toList());
        for (Currency currency : catalog.currencies()) {
            String[] row = rows.get(currency.name());
            assertThat(row[1]).as(currency.name()).isEqualTo(currency.family().apiName());
            assertThat(row[2]).as(currency.name()).isEqualTo(currency.units().stream()
                    .map(unit -> unit.code() + ":" + unit.magnitude()).collect(Collectors.joining(", ")));
            assertThat(row[3]).as(currency.name()).isEqualTo(Integer.toString(currency.confirmations()));
            assertThat(row[5]).as(currency.name()).isEqualTo(currency.chainId().map(String::valueOf).orElse("-"));
            if (!currency.fiat()) {
                assertThat(row[4]).as(currency.name()).isEqualTo(Integer.toString(currency.coinType()));
                assertThat(row[6]).as(currency.name()).isEqualTo(AccountKeys.accountPath(currency, 0).toString());
            }
        }
    }

    @Test
    void tokenTableMatchesTheCatalog() throws IOException {
        Map<String, String[]> rows = rows("| network | ticker |", null);
        List<Token> tokens = CurrencyCatalog.standard().tokens();
        assertThat(rows).hasSize(tokens.size());
        for (Token token : tokens) {
            String[] row = rows.get(token.parent() + "/" + token.ticker());
            assertThat(row).as(token.assetKey()).isNotNull();
            assertThat(row[2]).isEqualTo(Integer.toString(token.decimals()));
            assertThat(row[3]).isEqualTo("`" + token.contractAddress() + "`");
            assertThat(row[4]).isEqualTo(token.name());
        }
    }

    /** The rows of the markdown table that starts with a header, keyed by their first cell(s). */
    private static Map<String, String[]> rows(String header, String stopAt) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/currencies.md"));
        Map<String, String[]> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith(header)) {
                inTable = true;
                continue;
            }
            if (stopAt != null && line.startsWith(stopAt)) {
                break;
            }
            if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.put(header.startsWith("| network") ? cells[0] + "/" + cells[1] : cells[0], cells);
            } else if (inTable && !line.startsWith("|")) {
                inTable = false;
            }
        }
        return rows;
    }
}

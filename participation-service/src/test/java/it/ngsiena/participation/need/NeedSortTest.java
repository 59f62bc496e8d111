package it.ngsiena.participation.need;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every order of the need list ends with the id, once: without it, needs created in the same instant
 * could change places between two pages. (A shared, growing Panache Sort once added an id per call,
 * issue 16; the orders are now constant strings.)
 */
class NeedSortTest {

    @Test
    void everyOrderEndsWithTheIdOnce() {
        for (NeedRepository.NeedSort order : NeedRepository.NeedSort.values()) {
            String clause = order.orderBy();
            assertThat(clause).as(order.name()).startsWith("order by ").endsWith(", id");
            assertThat(clause.split(","))
                    .as(order.name())
                    .filteredOn(c -> c.strip().equals("id"))
                    .hasSize(1);
            assertThat(order.orderBy()).isEqualTo(clause);
        }
    }
}

package it.ngsiena.participation.need;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.panache.common.Sort;
import org.junit.jupiter.api.Test;

/**
 * The cause of the need list slowing down with use (issue 16): each list call added an {@code id} column
 * to a Sort shared by every call, so the thousandth query sorted by a thousand columns.
 */
class NeedSortTest {

    @Test
    void everyQueryGetsTheSameSortHoweverManyCameBefore() {
        for (NeedRepository.NeedSort order : NeedRepository.NeedSort.values()) {
            Sort first = order.toSort();
            for (int i = 0; i < 1000; i++) {
                order.toSort();
            }
            Sort later = order.toSort();
            assertThat(later.getColumns()).as(order.name()).hasSameSizeAs(first.getColumns());
            assertThat(later.getColumns().stream().filter(c -> c.getName().equals("id")).count()).isEqualTo(1);
        }
    }
}

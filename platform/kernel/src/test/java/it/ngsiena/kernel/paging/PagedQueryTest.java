package it.ngsiena.kernel.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a list's Panache-style query splits into the condition its total counts and its order. */
class PagedQueryTest {

    @Test
    void theConditionIsTheQueryWithoutItsOrder() {
        assertThat(PagedQuery.condition("status = :s and theme = :t order by createdAt desc, id"))
                .isEqualTo("status = :s and theme = :t");
        assertThat(PagedQuery.condition("  order by deadline, id")).isEmpty();
        assertThat(PagedQuery.condition("opensOn <= ?1")).isEqualTo("opensOn <= ?1");
    }

    @Test
    void anOrderInsideTheConditionIsNotTheListsOrder() {
        // a sub-select ordering its own rows comes before the list's order by, which is the last one
        assertThat(PagedQuery.condition("id in (select e.id from E e order by e.at limit 5) order by startsAt, id"))
                .isEqualTo("id in (select e.id from E e order by e.at limit 5)");
    }
}

package it.ngsiena.kernel.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A list's conditions from optional filters: only the given ones, and their parameters. */
class WhereTest {

    @Test
    void onlyTheGivenFiltersBecomeConditions() {
        Where where = new Where()
                .and("status = :s", "s", "OPEN")
                .and("theme = :t", "t", null)
                .always("audience in :a", "a", java.util.List.of("PUBLIC"));
        assertThat(where.condition()).isEqualTo("status = :s and audience in :a");
        assertThat(where.query("order by createdAt desc, id"))
                .isEqualTo("status = :s and audience in :a order by createdAt desc, id");
        assertThat(where.params().map()).containsOnlyKeys("s", "a");
    }

    @Test
    void withoutFiltersTheQueryIsItsOrder() {
        Where where = new Where().and("opensOn <= :d", "d", null);
        assertThat(where.condition()).isEmpty();
        assertThat(where.query("order by deadline, id")).isEqualTo("order by deadline, id");
        assertThat(where.params().map()).isEmpty();
    }
}

package it.ngsiena.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ngsiena.client.ApiClient;
import it.ngsiena.client.ApiException;
import it.ngsiena.client.api.ActivityApi;
import it.ngsiena.client.api.NeedsApi;
import it.ngsiena.client.api.ProgrammeFiguresApi;
import it.ngsiena.client.model.ActivityItem;
import it.ngsiena.client.model.ActivityPage;
import it.ngsiena.client.model.Need;
import it.ngsiena.client.model.NeedRequest;
import it.ngsiena.client.model.NeedSubmittedV1Activity;
import it.ngsiena.client.model.NeedThemeCode;
import it.ngsiena.client.model.NeedTrace;
import it.ngsiena.client.model.PageNeedResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform through the Java client an integrator generates from {@code docs/openapi.json}
 * (module clients/java, openapi-generator's java/native), not through REST Assured: if the document
 * and the running API disagree, the typed client fails here.
 */
@ExtendWith(RunningPlatform.class)
class GeneratedClientE2ETest {

    static ApiClient officer;

    @BeforeAll
    static void signIn() {
        PlatformE2ETest.usePlatform();
        String token = PlatformE2ETest.user("officer-siena");
        officer = new ApiClient();
        officer.updateBaseUri(RunningPlatform.platform().gatewayUrl());
        officer.setRequestInterceptor(request -> request.header("Authorization", token));
    }

    @Test
    void sienasOfficerSubmitsANeedReadsItBackFindsItInTheFeedAndReadsItsTrace() throws Exception {
        NeedsApi needs = new NeedsApi(officer);
        Need created = needs.submitNeed(
                new NeedRequest()
                        .title("Sportello unico digitale, dal client generato")
                        .description("Un punto di accesso comune per le pratiche edilizie")
                        .theme(NeedThemeCode.DIGITAL_TRANSITION)
                        .municipalities(List.of(PlatformE2ETest.SIENA)),
                UUID.randomUUID().toString());
        assertThat(created.getId()).isNotNull();

        Need read = needs.getNeed(created.getId());
        assertThat(read.getTitle()).isEqualTo("Sportello unico digitale, dal client generato");
        assertThat(read.getTheme()).isEqualTo(NeedThemeCode.DIGITAL_TRANSITION);
        assertThat(read.getMunicipalities()).containsExactly(PlatformE2ETest.SIENA);

        PageNeedResponse page =
                needs.listNeeds(null, PlatformE2ETest.SIENA, 0, null, 5, null, null, null, null, null, null);
        assertThat(page.getSize()).isEqualTo(5);
        assertThat(page.getTotal()).isPositive();
        assertThat(page.getItems())
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.getMunicipalities()).contains(PlatformE2ETest.SIENA));

        ActivityApi activity = new ActivityApi(officer);
        NeedSubmittedV1Activity event = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> findInFeed(activity, created.getId().toString()), Optional::isPresent)
                .get();
        assertThat(event.getType().getValue()).isEqualTo(PlatformE2ETest.SUBMITTED);
        assertThat(event.getMunicipalities()).contains(PlatformE2ETest.SIENA);
        // The event's data typed as the contract describes it, not a map.
        assertThat(event.getData().getNeedId()).isEqualTo(created.getId());
        assertThat(event.getData().getTitle()).isEqualTo("Sportello unico digitale, dal client generato");
        assertThat(event.getData().getMunicipalities()).containsExactly(PlatformE2ETest.SIENA);

        // Every item of a page of all types decodes to the class of its own type.
        ActivityPage all = activity.listActivity(null, null, 100, null, null, null, null);
        assertThat(all.getItems()).isNotEmpty();
        for (ActivityItem item : all.getItems()) {
            assertThat(item.getActualInstance().getClass().getSimpleName()).isEqualTo(typeClassOf(item));
        }

        NeedTrace trace = new ProgrammeFiguresApi(officer).needTrace(created.getId());
        assertThat(trace.getNeedId()).isEqualTo(created.getId());
        assertThat(trace.getNeed().getTitle()).isEqualTo("Sportello unico digitale, dal client generato");
        assertThat(trace.getNeed().getStatus().getValue()).isEqualTo("SUBMITTED");
        assertThat(trace.getTimeline()).extracting(step -> step.getType()).contains(PlatformE2ETest.SUBMITTED);
    }

    /**
     * The class the document's variant of the item's type has (it.ngsiena.participation.need.submitted.v1:
     * NeedSubmittedV1Activity), the type read from the decoded item itself.
     */
    private static String typeClassOf(ActivityItem item) throws ReflectiveOperationException {
        String type = String.valueOf(
                item.getActualInstance().getClass().getMethod("getType").invoke(item.getActualInstance()));
        String[] parts = type.split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = 3; i < parts.length; i++) {
            for (String word : parts[i].split("-")) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.append("Activity").toString();
    }

    /** Pages through the feed (three items a page, following the cursor) until the need's event shows up. */
    private static Optional<NeedSubmittedV1Activity> findInFeed(ActivityApi activity, String needId)
            throws ApiException {
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            ActivityPage page = activity.listActivity(cursor, null, 3, null, null, PlatformE2ETest.SUBMITTED, null);
            Optional<NeedSubmittedV1Activity> found = page.getItems().stream()
                    .map(ActivityItem::getNeedSubmittedV1Activity)
                    .filter(i -> needId.equals(i.getSubject()))
                    .findFirst();
            if (found.isPresent() || page.getNextCursor() == null) {
                return found;
            }
            cursor = page.getNextCursor();
        }
        return Optional.empty();
    }
}

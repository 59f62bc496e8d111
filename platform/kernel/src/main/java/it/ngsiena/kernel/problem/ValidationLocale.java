package it.ngsiena.kernel.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean Validation's messages in the language of the rest of the problem document (ProblemLanguage): English when
 * the caller's Accept-Language prefers it over Italian ("en-GB" included, which Quarkus' own resolver would not
 * match to "en"), Italian otherwise and outside a request.
 */
@Singleton
@Priority(100) // asked before Quarkus' own resolver (resolvers are asked in turn until one answers)
public class ValidationLocale implements LocaleResolver {

    private final CurrentVertxRequest request;

    ValidationLocale(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Locale resolve(LocaleResolverContext context) {
        try {
            RoutingContext current = request.getCurrent();
            String header = current == null ? null : current.request().getHeader("Accept-Language");
            return ProblemLanguage.english(header) ? Locale.ENGLISH : Locale.ITALIAN;
        } catch (ContextNotActiveException e) {
            return Locale.ITALIAN;
        }
    }
}

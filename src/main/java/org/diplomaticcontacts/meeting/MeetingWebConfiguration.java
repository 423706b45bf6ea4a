package org.diplomaticcontacts.meeting;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link MeetingFiltersResolver}. */
@Configuration(proxyBeanMethods = false)
class MeetingWebConfiguration implements WebMvcConfigurer {

    /**
     * MVC's conversion service is made by the configuration that asks for this one's resolvers,
     * so it is looked up when first used.
     */
    private final ObjectProvider<ConversionService> conversion;

    MeetingWebConfiguration(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversion) {
        this.conversion = conversion;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new MeetingFiltersResolver(SingletonSupplier.of(conversion::getObject)));
    }
}

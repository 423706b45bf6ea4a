package org.diplomaticcontacts.meeting;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.diplomaticcontacts.shared.FieldError;
import org.diplomaticcontacts.shared.InvalidFieldException;
import org.diplomaticcontacts.shared.StorableDay;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds {@link MeetingService.Filters} straight from the query string, one parameter per record
 * component. Spring's DataBinder binds records too, but re-reads the constructor's parameter
 * annotations on every request: over a third of a list page's CPU time in the benchmark's
 * profile. Values are converted as the DataBinder converts them: dates as ISO dates, numbers and
 * enums (by their exact name) by MVC's own conversion service, empty values as none, repeated
 * values joined; every value that does not convert is reported under its parameter's name, with
 * the messages of the rest of the API.
 */
final class MeetingFiltersResolver implements HandlerMethodArgumentResolver {

    private static final RecordComponent[] COMPONENTS = MeetingService.Filters.class.getRecordComponents();
    private static final TypeDescriptor QUERY_VALUE = TypeDescriptor.valueOf(String.class);
    private static final TypeDescriptor QUERY_VALUES = TypeDescriptor.valueOf(String[].class);
    /** Each component's type with its annotations ({@code @DateTimeFormat}), read once. */
    private static final TypeDescriptor[] TYPES = Arrays.stream(COMPONENTS).map(MeetingFiltersResolver::typeOf)
            .toArray(TypeDescriptor[]::new);
    private static final Constructor<MeetingService.Filters> CONSTRUCTOR = canonicalConstructor();

    private final Supplier<ConversionService> conversion;

    MeetingFiltersResolver(Supplier<ConversionService> conversion) {
        this.conversion = conversion;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == MeetingService.Filters.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        ConversionService converter = conversion.get();
        Object[] values = new Object[COMPONENTS.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            String[] sent = request.getParameterValues(name);
            if (sent == null) {
                continue;
            }
            try {
                values[i] = convert(converter, sent, TYPES[i]);
            } catch (ConversionException | DateTimeParseException e) {
                errors.add(FieldError.notConvertible(name, String.join(",", sent), TYPES[i].getType()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        try {
            return CONSTRUCTOR.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the filters record could not be made", e);
        }
    }

    /**
     * One value as text (the common case); a date as {@code @DateTimeFormat(iso = DATE)} reads it,
     * without the annotation lookups and the formatter the conversion service makes on every
     * call; a repeated parameter as the array the DataBinder would have converted.
     */
    private static @Nullable Object convert(ConversionService converter, String[] sent, TypeDescriptor type) {
        if (sent.length != 1) {
            Object converted = converter.convert(sent, QUERY_VALUES, type);
            return converted instanceof LocalDate day ? storable(day, String.join(",", sent)) : converted;
        }
        if (type.getType() == String.class) {
            return sent[0];
        }
        if (type.getType() == LocalDate.class) {
            return storable(sent[0].isEmpty() ? null : LocalDate.parse(sent[0], DateTimeFormatter.ISO_DATE),
                    sent[0]);
        }
        return converter.convert(sent[0], QUERY_VALUE, type);
    }

    private static TypeDescriptor typeOf(RecordComponent component) {
        try {
            return new TypeDescriptor(MeetingService.Filters.class.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record component without its field", e);
        }
    }

    private static Constructor<MeetingService.Filters> canonicalConstructor() {
        try {
            return MeetingService.Filters.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor", e);
        }
    }

    private static @Nullable LocalDate storable(@Nullable LocalDate day, String sent) {
        if (!StorableDay.Check.storable(day)) {
            throw new DateTimeParseException("not a day of the years 0001 to 9999", sent, 0);
        }
        return day;
    }
}

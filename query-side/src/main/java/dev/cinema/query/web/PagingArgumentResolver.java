package dev.cinema.query.web;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives every list handler a {@link Paging} parameter read from either paging dialect; a non-number is a 422. */
@Configuration(proxyBeanMethods = false)
public class PagingArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return Paging.of(integer(request, Paging.NUMBER), integer(request, Paging.NUMBER_ALT),
                integer(request, Paging.SIZE), integer(request, Paging.SIZE_ALT));
    }

    private static Integer integer(NativeWebRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "has the wrong type or format");
        }
    }
}

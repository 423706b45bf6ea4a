package org.diplomaticcontacts.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements the application sends, whoever sends them (Hibernate or JDBC), by
 * wrapping the DataSource: every statement prepared or created on one of its connections counts.
 */
@TestComponent
public class SqlStatementCounter implements BeanPostProcessor {

    private final AtomicInteger statements = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(method, target, args);
                return result instanceof Connection connection ? countingConnection(connection) : result;
            });
        }
        return bean;
    }

    public void reset() {
        statements.set(0);
    }

    public int count() {
        return statements.get();
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                    || method.getName().equals("prepareCall")) {
                statements.incrementAndGet();
            }
            return invoke(method, target, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException exception) {
            throw exception.getCause();
        }
    }
}

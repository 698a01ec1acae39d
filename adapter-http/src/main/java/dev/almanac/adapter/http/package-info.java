/**
 * The HTTP adapter: Javalin routes under {@code /v1}, request/response records, bearer authentication,
 * problem+json errors and the API documentation. The entry point is {@link dev.almanac.adapter.http.HttpApi}.
 */
package dev.almanac.adapter.http;

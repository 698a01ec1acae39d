package dev.almanac.application.account;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.PasswordHasher;
import java.time.Clock;

/** The account use cases, wired to their ports. */
public record AccountUseCases(RegisterAccountUseCase register, AuthenticateUseCase authenticate, SignInUseCase signIn,
                              IdentifyCallerUseCase identifyCaller, GetAccountUseCase getAccount) {

    public static AccountUseCases wire(AccountRepository accounts, PasswordHasher hasher, AccessTokens tokens,
                                       IdGenerator ids, Clock clock) {
        var service = new AccountService(accounts, hasher, tokens, ids, clock);
        return new AccountUseCases(service, service, service, service, service);
    }
}

package dev.almanac.application.account;

/** The account use cases, wired to their ports. */
public record AccountUseCases(RegisterAccountUseCase register, AuthenticateUseCase authenticate, SignInUseCase signIn,
                              IdentifyCallerUseCase identifyCaller, GetAccountUseCase getAccount,
                              RefreshSessionUseCase refresh, SignOutUseCase signOut, SessionsUseCase sessions,
                              ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount) {

    public static AccountUseCases wire(AccountPorts ports) {
        var sessions = new SessionService(ports);
        var service = new AccountService(ports, sessions);
        return new AccountUseCases(service, service, service, service, service, sessions, sessions, sessions, service,
                service);
    }
}

package dev.almanac.application.account;

/** The account use cases, wired to their ports. */
public record AccountUseCases(RegisterAccountUseCase register, AuthenticateUseCase authenticate, SignInUseCase signIn,
                              IdentifyCallerUseCase identifyCaller, GetAccountUseCase getAccount,
                              RefreshSessionUseCase refresh, SignOutUseCase signOut, SessionsUseCase sessions,
                              CreateApiKeyUseCase createApiKey, ApiKeysUseCase apiKeys,
                              AuthenticateApiKeyUseCase authenticateApiKey,
                              ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount) {

    public static AccountUseCases wire(AccountPorts ports) {
        var sessions = new SessionService(ports);
        var acting = new ActingAccounts(ports.accounts());
        var service = new AccountService(ports, sessions);
        var apiKeys = new ApiKeyService(ports, acting);
        return new AccountUseCases(service, service, service, service, service, sessions, sessions, sessions,
                apiKeys, apiKeys, apiKeys, service, service);
    }
}

package dev.almanac.application.account;

/** The account use cases, wired to their ports. */
public record AccountUseCases(RegisterAccountUseCase register, AuthenticateUseCase authenticate, SignInUseCase signIn,
                              IdentifyCallerUseCase identifyCaller, GetAccountUseCase getAccount,
                              RefreshSessionUseCase refresh, SignOutUseCase signOut, SessionsUseCase sessions,
                              CreateApiKeyUseCase createApiKey, ApiKeysUseCase apiKeys,
                              AuthenticateApiKeyUseCase authenticateApiKey,
                              ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount,
                              VerifyAccountUseCase verify, ResendVerificationUseCase resendVerification,
                              ChangeEmailUseCase changeEmail, DisableAccountUseCase disable) {

    public static AccountUseCases wire(AccountPorts ports, LifecyclePorts lifecycle) {
        var sessions = new SessionService(ports);
        var acting = new ActingAccounts(ports.accounts());
        var service = new AccountService(ports, sessions);
        var life = new LifecycleService(ports, lifecycle, service);
        var apiKeys = new ApiKeyService(ports, acting);
        return new AccountUseCases(life, service, service, service, service, sessions, sessions, sessions,
                apiKeys, apiKeys, apiKeys, service, service, life, life, life, life);
    }
}

"""The base of every tenant API view, plus identity endpoints and the staff tenant registry API."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from rest_framework import permissions, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed, ParseError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import TenantScopeError
from core.openapi_notes import operation
from core.request_logging import bind_log_context
from core.text import TextField
from tenants import services
from tenants.auth import TenantJWTAuthentication, TokenRefused
from tenants.context import TenantContext
from tenants.errors import TenantError, UseHostedUI
from tenants.models import TenantRegistryItem
from tenants.refresh import rotate_refresh_token
from tenants.selectors import get_membership, get_tenant_context, list_tenants
from tenants.throttles import (
    SignInIPThrottle,
    WriteThrottle,
    check_sign_in_allowed,
    clear_sign_in_failures,
    client_address,
    record_sign_in_failure,
)
from tenants.tokens import issue_token

FORBIDDEN_SCOPE_PARAMS = ("tenant", "tenant_id", "tenantId")


class TenantAPIView(APIView):
    """Every tenant endpoint derives from this: the tenant comes from the token, and only from it.

    The context is set on the view in ``initial`` (after authentication) and
    passed as ``tenant=`` to every selector and service; nothing reads it from a global.
    """

    authentication_classes = [TenantJWTAuthentication]
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [WriteThrottle]
    tenant: TenantContext

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        tenant = request.auth
        if not isinstance(tenant, TenantContext):
            raise TenantScopeError("Authenticated without a tenant context.")
        if any(name in request.query_params for name in FORBIDDEN_SCOPE_PARAMS):
            raise ParseError("The tenant comes from your token; do not send it in the query string.")
        self.tenant = tenant
        bind_log_context(tenantId=tenant.tenant_id)



class MeApi(TenantAPIView):
    class OutputSerializer(serializers.Serializer):
        tenant_id = serializers.CharField()
        email = serializers.CharField(allow_null=True)
        currency = serializers.CharField()
        time_zone = serializers.CharField()

    @operation(responses=OutputSerializer)
    def get(self, request: Request) -> Response:
        data = {
            "tenant_id": self.tenant.tenant_id,
            "email": self.tenant.email,
            "currency": self.tenant.currency,
            "time_zone": self.tenant.time_zone,
        }
        return Response(self.OutputSerializer(data).data)


class SignInAPIView(APIView):
    """The local issuer's endpoints, which take credentials in the body instead of a token.

    Where Cognito issues the tokens (the aws profile) they check nothing, not even a throttle, and point to
    the Hosted UI: local passwords are no way in there, as the pages' /login/ form already sends people on.
    """

    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if settings.SALESTALK_AUTH_ISSUER != "local":
            raise UseHostedUI()
        super().initial(request, *args, **kwargs)

    def get_authenticate_header(self, request: Request) -> str:
        # Makes refusals 401 (with a challenge) rather than DRF's 403 for views without authenticators.
        return 'Bearer realm="salestalk"'


class TokenApi(SignInAPIView):
    """Local sign-in: email + password → access and refresh tokens carrying the tenant claim.

    Throttled per client address; an address is locked out of an account after too many wrong passwords
    for it (even the right one is refused then), and an account under attack backs off: 429 with Retry-After.
    """

    throttle_classes = [SignInIPThrottle]

    class InputSerializer(serializers.Serializer):
        email = serializers.EmailField()
        password = serializers.CharField(max_length=256, trim_whitespace=False)

    class OutputSerializer(serializers.Serializer):
        access = serializers.CharField()
        refresh = serializers.CharField()
        tenant_id = serializers.CharField()
        email = serializers.CharField()

    @operation(request=InputSerializer, responses=OutputSerializer)
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        email = data.validated_data["email"].strip().lower()
        address = client_address(request)
        check_sign_in_allowed(email=email, address=address)
        user = authenticate(request, username=email, password=data.validated_data["password"])
        if user is None:
            record_sign_in_failure(email=email, address=address)
            raise AuthenticationFailed("Wrong email or password.", code="bad_credentials")
        clear_sign_in_failures(email=email, address=address)
        membership = get_membership(user_id=str(user.pk))
        if membership is None:
            raise AuthenticationFailed("This user belongs to no tenant.", code="no_tenant")
        try:
            tenant = get_tenant_context(tenant_id=membership.tenant_id)
        except TenantError as exc:  # disabled or deleted: one answer naming no tenant, as the tokens get
            raise AuthenticationFailed("Your company's workspace is not available.",
                                       code="tenant_unavailable") from exc
        bound = {"tenant_id": tenant.tenant_id, "email": email, "user_id": str(user.pk),
                 "generation": tenant.generation, "token_version": membership.token_version}
        tokens = {
            "access": issue_token(**bound),
            "refresh": issue_token(**bound, kind="refresh"),
            "tenant_id": tenant.tenant_id,
            "email": email,
        }
        return Response(self.OutputSerializer(tokens).data)


class RefreshApi(SignInAPIView):
    class InputSerializer(serializers.Serializer):
        refresh = serializers.CharField(max_length=4096)

    class OutputSerializer(serializers.Serializer):
        access = serializers.CharField()
        refresh = serializers.CharField()

    @operation(request=InputSerializer, responses=OutputSerializer)
    def post(self, request: Request) -> Response:
        """A new access token and a new refresh token, while the refresh token's tenant, user, membership and
        token version hold. The refresh token sent is spent: keep the new one. Sending a spent one again
        signs its person out everywhere (401 ``refresh_token_reused``)."""
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rotated = rotate_refresh_token(token=data.validated_data["refresh"])
        return Response(self.OutputSerializer({"access": rotated.access, "refresh": rotated.refresh}).data)


class SignOutEverywhereApi(TenantAPIView):
    """Ends every access and refresh token of the caller, on every device (this one included)."""

    # The remedy for a stolen token is never held back: a thief's write flood counts against the same person.
    throttle_classes = ()

    @operation(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        membership = get_membership(user_id=self.tenant.user_id or "")
        if membership is None:
            raise TokenRefused("Only a signed-in person can sign out everywhere.", code="no_user")
        services.revoke_tokens(user_id=membership.user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class IsStaffUser(permissions.BasePermission):
    message = "Only staff may manage tenants."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(getattr(request.user, "is_staff", False))


class StaffTokenAuthentication(TenantJWTAuthentication):
    """Staff use their own Bearer token; staff status is read from the Django user, not the token."""

    def authenticate(self, request: Request) -> tuple[Any, TenantContext] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        principal, tenant = result
        from django.contrib.auth import get_user_model

        # Tokens not issued for a local user (Cognito, or issued by email) carry a non-numeric subject.
        user_id = principal.user_id
        user = None
        if user_id is not None and str(user_id).isdigit():
            user = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
        if user is None:
            raise TokenRefused("The token's user no longer exists.", code="user_unknown")
        return user, tenant


class StaffAPIView(APIView):
    authentication_classes = [StaffTokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated, IsStaffUser]


class TenantOutputSerializer(serializers.Serializer):
    tenantId = serializers.CharField()
    name = serializers.CharField()
    ownerEmail = serializers.CharField()
    tableName = serializers.CharField()
    createdAt = serializers.CharField()
    status = serializers.CharField()
    currency = serializers.CharField()
    timeZone = serializers.CharField()


def _tenant_json(record: TenantRegistryItem) -> dict[str, Any]:
    return TenantOutputSerializer(record.as_json()).data


class TenantListApi(StaffAPIView):
    class InputSerializer(serializers.Serializer):
        tenant_id = serializers.CharField(max_length=64)
        name = TextField(field="name", max_chars=services.MAX_TENANT_NAME_CHARS)
        owner_email = serializers.EmailField()
        currency = serializers.CharField(max_length=3, default="USD")
        time_zone = serializers.CharField(max_length=64, default="UTC")

    @operation(responses=TenantOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response([_tenant_json(record) for record in list_tenants()])

    @operation(request=InputSerializer, responses={201: TenantOutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.onboard_tenant(**data.validated_data)
        return Response(_tenant_json(record), status=status.HTTP_201_CREATED)


class TenantDetailApi(StaffAPIView):
    class InputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=["active", "disabled"])

    @operation(request=InputSerializer, responses=TenantOutputSerializer)
    def patch(self, request: Request, tenant_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.set_tenant_status(tenant_id=tenant_id, status=data.validated_data["status"])
        return Response(_tenant_json(record))

    @operation(responses={204: None})
    def delete(self, request: Request, tenant_id: str) -> Response:
        services.offboard_tenant(tenant_id=tenant_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


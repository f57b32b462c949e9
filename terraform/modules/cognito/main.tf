# Who may sign in: one user pool for every tenant, the tenant in an immutable custom attribute
# that only administrators set (users are created by staff, never self-registered).
variable "name" {
  description = "User pool name."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse deleting the pool."
  type        = bool
}

variable "callback_urls" {
  description = "Hosted UI callback URLs of the web client."
  type        = list(string)
  default     = []
}

variable "logout_urls" {
  description = "Where the Hosted UI may send the browser after signing out."
  type        = list(string)
  default     = []
}

variable "domain_prefix" {
  description = "Hosted UI domain prefix (https://<prefix>.auth.<region>.amazoncognito.com); empty for no Hosted UI."
  type        = string
  default     = ""
}

resource "aws_cognito_user_pool" "this" {
  name                     = var.name
  deletion_protection      = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  # A changed email stays the old one until the new one is verified: the pages find a person by a verified
  # email only (tenants.hosted_ui), and an unverified change would otherwise take effect at once.
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  schema {
    name                     = "tenant_id"
    attribute_data_type      = "String"
    mutable                  = false
    developer_only_attribute = false
    required                 = false

    string_attribute_constraints {
      min_length = 3
      max_length = 40
    }
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "${var.name}-web"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret               = false
  prevent_user_existence_errors = "ENABLED"
  # Admin password auth needs IAM credentials (cognito-idp:AdminInitiateAuth): the deploy's smoke test only.
  explicit_auth_flows     = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"]
  enable_token_revocation = true
  access_token_validity   = 60
  id_token_validity       = 60
  refresh_token_validity  = 14

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  # Users read their tenant but can never write it: only AdminCreateUser sets it.
  read_attributes  = ["email", "email_verified", "custom:tenant_id"]
  write_attributes = ["email"]

  allowed_oauth_flows_user_pool_client = length(var.callback_urls) > 0
  allowed_oauth_flows                  = length(var.callback_urls) > 0 ? ["code"] : []
  allowed_oauth_scopes                 = length(var.callback_urls) > 0 ? ["openid", "email"] : []
  callback_urls                        = var.callback_urls
  logout_urls                          = var.logout_urls
  supported_identity_providers         = ["COGNITO"]
}

# The Hosted UI: the pages' sign-in (tenants/hosted_ui.py), authorization code + PKCE.
resource "aws_cognito_user_pool_domain" "this" {
  count        = var.domain_prefix == "" ? 0 : 1
  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}

data "aws_region" "current" {}

output "user_pool_id" {
  value = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  value = aws_cognito_user_pool.this.arn
}

output "client_id" {
  value = aws_cognito_user_pool_client.web.id
}

output "issuer" {
  value = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.this.id}"
}

output "domain_url" {
  value = var.domain_prefix == "" ? "" : "https://${var.domain_prefix}.auth.${data.aws_region.current.name}.amazoncognito.com"
}

output "jwks_url" {
  value = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.this.id}/.well-known/jwks.json"
}

"""drf-spectacular extensions of this app, discovered by ``core.openapi`` when a document is generated."""
from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from insights.contract_field import ContractField

REF_TEMPLATE = "#/components/schemas/{model}"


class OpenApi30JsonSchema(GenerateJsonSchema):
    """OpenAPI 3.0 has no ``type: null``: a nullable value is the value's schema with ``nullable``."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        if "$ref" in inner:
            return {"allOf": [inner], "nullable": True}
        return {**inner, "nullable": True}


def openapi_schema(model: type[BaseModel]) -> tuple[JsonSchemaValue, dict[str, JsonSchemaValue]]:
    """The model's OpenAPI 3.0 schema and the schemas of the models it nests, by component name."""
    schema = model.model_json_schema(
        ref_template=REF_TEMPLATE, schema_generator=OpenApi30JsonSchema, mode="serialization"
    )
    return schema, schema.pop("$defs", {})


class ContractFieldSchema(OpenApiSerializerFieldExtension):
    target_class = ContractField

    def map_serializer_field(self, auto_schema: AutoSchema, direction: str) -> dict[str, Any]:
        model = self.target.model
        schema, nested = openapi_schema(model)
        for name, sub_schema in {**nested, model.__name__: schema}.items():
            component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=sub_schema)
            auto_schema.registry.register_on_missing(component)
        return {"$ref": REF_TEMPLATE.format(model=model.__name__)}

import io

import pytest

from metrics.services import import_dataset

# EMEA revenue in July 2025 is 100.5, all revenue in July 2025 is 300.5.
CSV = b"""date,region,channel,revenue,cost,units,orders
2025-07-01,EMEA,Online,100.5,40,3,2
2025-07-15,APAC,Retail,200,120,5,4
2025-08-03,EMEA,Retail,40.25,20,1,1
"""


@pytest.fixture
def dataset(tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="chat-test.csv", replace=False)
    return tenant
